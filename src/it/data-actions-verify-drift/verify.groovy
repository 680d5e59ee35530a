import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/verify-report.json'))
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

assert report.providers*.name == ['Acme Gateway', 'Never Registered']
assert report.providers*.status == ['DRIFTED', 'MISSING']
def diff = report.providers[0].differences.collectEntries { [it.field, it] }
assert diff['actions[m1].timeoutSeconds'].expected == '45' && diff['actions[m1].timeoutSeconds'].actual == '30'
assert diff['actions[m1].requestTemplate'].expected.endsWith('max_tokens at most 1024')
assert diff['actions[m1].requestTemplate'].actual.endsWith('max_tokens at most 4096')
assert diff['actions[m3]'].actual == '(absent)'
assert diff['extraActions[Acme Gateway - m2]'].expected == '(absent)'
assert !diff.keySet().any { it.startsWith('actions[m2]') }
assert log =~ /Acme Gateway\s+DRIFTED/
assert log =~ /Never Registered\s+MISSING/
assert log.contains('verify failed: ')

// verify only read
def verifyStart = journal.findIndexValues { it.path == '/api/v2/tokens/me' }[1] as int
assert journal.subList(verifyStart, journal.size()).every { it.method == 'GET' || it.path.startsWith('/oauth/') }
assert !log.contains('it-model-key-0d83e6')
return true
