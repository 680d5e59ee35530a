import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

assert log.contains('nothing was sent to Genesys Cloud')
// every problem, with its place, the provider and the field
[
    ~/the POM \(provider #1\): provider 'Broken Gateway' field 'baseUrl'/,
    ~/the POM \(provider #1\): provider 'Broken Gateway' field 'timeout'/,
    ~/the POM \(provider #1\): provider 'Broken Gateway' field 'models\[0\]\.maxTokens'/,
    ~/IT_UNSET_VARIABLE_FOR_KEY/,
    ~/providers\.yaml:5.*basUrl.*baseUrl/,
    ~/providers\.yaml:\d+.*models\[1\]\.id/,
].each { pattern -> assert log =~ pattern : "missing problem ${pattern}" }
// listed once, in Maven's words (not again in the plugin's own, as a cause's message)
assert !log.contains('configured provider #') : 'the problems are listed twice'
assert journal.isEmpty() : "requests were sent: ${journal}"
assert !log.contains('not-a-real-key')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:') : 'an expected failure must not print a stack trace'
// outside GitHub Actions: no annotation
assert !log.readLines().any { it.startsWith('::') }
return true
