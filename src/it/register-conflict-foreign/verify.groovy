import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
def state = new JsonSlurper().parse(new File(basedir, 'state.json'), 'UTF-8').providers

def istanbul = '11111111-1111-4111-8111-111111111111'
def other = '22222222-2222-4222-8222-222222222222'

// both creates met a 409; the providers it named were read, and nothing was written to them
def posts = journal.findAll { it.method == 'POST' && it.path == '/api/v2/ai/llm/providers' }
assert posts*.status == [409, 409] : "unexpected POSTs: ${posts}"
assert journal.findAll { it.method in ['PUT', 'DELETE'] }.isEmpty() : "a write reached another team's provider: ${journal}"
assert report.providers*.action == ['FAILED', 'FAILED']
assert report.providers.every { it.id == null } : 'the other providers\' ids must not be reported as ours'
assert report.providers[0].error.contains(istanbul) && report.providers[0].error.contains("'İstanbul Gateway'")
assert report.providers[0].error.contains("'Istanbul Gateway'")
assert report.providers[1].error.contains(other) && report.providers[1].error.contains("'Other Team Gateway'")
assert report.providers[1].error.contains("'Beta Gateway'")

// the other team's providers are as they were
assert state*.name == ['İstanbul Gateway', 'Other Team Gateway']
assert state*.version == [7, 3]
assert state.every { it.models*.id == ['their-model'] }

assert log.contains('2 of 2 providers could not be registered')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:') : 'an expected failure must not print a stack trace'
return true
