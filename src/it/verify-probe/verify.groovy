import groovy.json.JsonSlurper

def server = System.properties.remove('it.verify-probe.server')
def seen = System.properties.remove('it.verify-probe.seen')
server.stop(0)
server.executor.shutdownNow()

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/verify-report.json'))
def probes = report.providers.collectEntries { [(it.name): it.probe] }

assert report.providers*.status == ['MATCHES', 'MATCHES', 'MATCHES']
assert probes['Served Gateway'].status == 'OK'
assert probes['Partial Gateway'].status == 'MODELS_MISSING' && probes['Partial Gateway'].missingModels == ['m2']
assert probes['Wrong Key Gateway'].status == 'UNAUTHORIZED'
assert log.contains('verify failed: ')
// the failure lists each failed probe's fix, at the provider's field, under the summary
assert log =~ /(?m)^\[ERROR\]   - provider 'Wrong Key Gateway', field apiKey: the endpoint refused the API key/
assert log =~ /(?m)^\[ERROR\]   - provider 'Partial Gateway', field models: the endpoint does not list m2/

// only the providers' own keys reached the model endpoint: never the Genesys token or client secret
assert seen.size() == 3 : "expected one probe per provider, got ${seen}"
assert seen*.authorization.toSet() == ['Bearer it-model-key-7f3a9c', 'Bearer it-wrong-key-22d0b1'].toSet()
assert seen.every { it.path.endsWith('/v1/models') }
assert !log.contains('it-model-key-7f3a9c') && !log.contains('it-wrong-key-22d0b1')
return true
