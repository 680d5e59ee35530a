import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

// the provider was created, then nothing was deleted: not a single DELETE, not even a listing
assert journal.count { it.method == 'POST' && it.path == '/api/v2/ai/llm/providers' } == 1
assert !journal.any { it.method == 'DELETE' } : "a DELETE was sent: ${journal}"
assert log.contains('-Dgenesys.confirm="Emulated Organization"')
assert log.contains('Nothing was deleted.')
assert !new File(basedir, 'target/genesys-llm/unregister-report.json').exists()
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:') : 'an expected failure must not print a stack trace'
return true
