import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def exported = new File(basedir, 'target/exported/providers.yaml').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

assert exported.contains('apiKey: ${env.ALPHA_GATEWAY_API_KEY}')
assert exported.contains('apiKey: ${env.BETA_EU_GATEWAY_API_KEY}')
assert !exported.contains('it-model-key-7f3a9c')
assert log.contains('Exported 2 providers to ')
assert log =~ /ALPHA_GATEWAY_API_KEY\s+\(Alpha Gateway\)/
// registering the exported file changes nothing (the file lists them in creation order, which
// concurrent creates do not fix)
assert report.providers*.name.toSet() == ['Alpha Gateway', 'Beta (EU) Gateway'].toSet()
assert report.providers*.action == ['UNCHANGED', 'UNCHANGED']
assert journal.count { it.method == 'POST' && it.path.startsWith('/api/v2/ai/llm/providers') } == 2
assert journal.count { it.method == 'PUT' } == 0
return true
