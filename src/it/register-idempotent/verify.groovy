import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))

// first run creates both, second changes nothing
assert (log =~ /CREATED\s+Private Foundation Model Gateway \(id [0-9a-f-]{36}\)/).count == 1
assert (log =~ /CREATED\s+Second Gateway \(id [0-9a-f-]{36}\)/).count == 1
assert (log =~ /UNCHANGED\s+Private Foundation Model Gateway/).count == 1
assert (log =~ /UNCHANGED\s+Second Gateway/).count == 1
assert log.contains('2 created')
assert log.contains('2 unchanged')

// exactly two POSTs over both runs, no PUT, no DELETE
def posts = journal.findAll { it.method == 'POST' && it.path.startsWith('/api/v2/ai/llm/providers') }
assert posts.size() == 2 : "expected 2 POSTs, journal: ${journal}"
assert posts.every { it.status == 201 }
assert journal.count { it.method == 'PUT' || it.method == 'DELETE' } == 0

// the second run's report: both UNCHANGED with id, version 1
assert report.dryRun == false
assert report.organization == 'Emulated Organization'
assert report.apiUrl.startsWith('http://127.0.0.1:')
assert report.providers*.name == ['Private Foundation Model Gateway', 'Second Gateway']
assert report.providers*.action == ['UNCHANGED', 'UNCHANGED']
assert report.providers.every { it.id ==~ /[0-9a-f-]{36}/ && it.version == 1 && it.selfUri.endsWith(it.id) }

// who it acted as, and never a secret
assert log.contains("credentials from the emulator started in this build")
assert log.contains("Organization 'Emulated Organization'")
assert !log.contains('it-model-key-7f3a9c')
assert !log.contains('emulator-secret')
assert !new File(basedir, 'target/genesys-llm/register-report.json').text.contains('it-model-key-7f3a9c')
return true
