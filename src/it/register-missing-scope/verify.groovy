import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

assert log.contains("lacks the scope ai:llm:write that register needs")
assert log.contains("OAuth client 'ci-reader'")
assert log.contains('Nothing was changed')
// the build stopped after tokens/me: not even a listing
assert journal*.path == ['/oauth/token', '/api/v2/tokens/me'] : "unexpected requests: ${journal}"
assert !log.contains('reader-secret')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:') : 'an expected failure must not print a stack trace'
return true
