import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

// the racing run saw an empty listing, its POST got 409 and it adopted the existing provider
def posts = journal.findAll { it.method == 'POST' && it.path == '/api/v2/ai/llm/providers' }
assert posts*.status == [201, 409] : "unexpected POSTs: ${posts}"
assert (log =~ /CREATED\s+Alpha Gateway/).count == 1
assert log =~ /ADOPTED\s+Alpha Gateway/
assert !log.contains('BUILD FAILURE')
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
assert report.providers[0].action == 'ADOPTED'
return true
