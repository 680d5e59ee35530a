import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

// register created the provider; unregister refused its dryRun before any request
assert log =~ /CREATED\s+Alpha Gateway/
assert log.contains("The parameter dryRun (genesys.dryRun) must be true or false, got 'yes'")
assert journal.findAll { it.method == 'DELETE' }.isEmpty() : "a DELETE was sent: ${journal}"
def afterCreate = journal.findIndexOf { it.method == 'POST' && it.path == '/api/v2/ai/llm/providers' }
assert afterCreate >= 0 && journal.size() == afterCreate + 1 : "unregister sent requests: ${journal}"
assert !new File(basedir, 'target/genesys-llm/unregister-report.json').exists()
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:') : 'an expected failure must not print a stack trace'
return true
