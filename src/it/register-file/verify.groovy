import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

assert log.contains('2 providers configured (providers.yaml included)')
// POM providers first, then the file's
assert report.providers*.name == ['Alpha Gateway', 'File Gateway']
assert report.providers*.action == ['CREATED', 'CREATED']
assert journal.count { it.method == 'POST' && it.path.startsWith('/api/v2/ai/llm/providers') } == 2
// the project property placeholder reached the server: the emulator's state is checked through the report's id
assert log =~ /CREATED\s+File Gateway \(id [0-9a-f-]{36}\)/
assert !log.contains('it-file-key-51c2e8') && !log.contains('it-model-key-7f3a9c')
return true
