import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))

// the second run updates Beta only, naming each changed field with both values
assert log =~ /UPDATED\s+Beta Gateway \(id [0-9a-f-]{36}\): .*timeout: 30000 -> 60000/
assert log =~ /UPDATED\s+Beta Gateway .*models\[m1\]\.maxTokens: 8192 -> 16384/
assert log =~ /UNCHANGED\s+Alpha Gateway/
assert !(log =~ /UPDATED\s+Alpha Gateway/)

// one PUT, to Beta's id, and two POSTs from the first run
def betaId = report.providers.find { it.name == 'Beta Gateway' }.id
def puts = journal.findAll { it.method == 'PUT' }
assert puts.size() == 1 : "expected one PUT, journal: ${journal}"
assert puts[0].path == "/api/v2/ai/llm/providers/${betaId}" && puts[0].status == 200
assert journal.count { it.method == 'POST' && it.path.startsWith('/api/v2/ai/llm/providers') } == 2

assert report.providers*.action == ['UNCHANGED', 'UPDATED']
def beta = report.providers[1]
assert beta.version == 2
assert beta.changes.find { it.field == 'timeout' }.with { it.from == '30000' && it.to == '60000' }
assert beta.changes.find { it.field == 'models[m1].maxTokens' }.with { it.from == '8192' && it.to == '16384' }
assert !log.contains('it-model-key-7f3a9c')
return true
