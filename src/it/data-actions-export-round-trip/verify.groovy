import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def exported = new File(basedir, 'target/exported/providers.yaml').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

// the integration comes back as a provider: base URL, timeout, each model's id and ceiling
assert exported.contains('name: Acme Gateway')
assert exported.contains('baseUrl: https://llm.acme.internal/v1')
assert exported.contains('timeout: 45000')
assert exported.contains('gpt-4o-mini')
assert exported.contains('llama-3/8b:q4')
assert exported.contains('maxTokens: 4096') && exported.contains('maxTokens: 8192')
assert exported.contains('apiKey: ${env.ACME_GATEWAY_API_KEY}')
assert !exported.contains('it-model-key-9b41d0')
assert log.contains('Exported 1 provider to ')

// registering the exported file changes nothing: one of each was created, nothing written since
assert report.providers*.name == ['Acme Gateway']
assert report.providers*.action == ['UNCHANGED']
assert journal.count { it.method == 'POST' && it.path == '/api/v2/integrations' } == 1
assert journal.count { it.method == 'POST' && it.path == '/api/v2/integrations/actions' } == 2
def lastWrite = journal.findLastIndexOf { it.method != 'GET' && !it.path.startsWith('/oauth/') }
def exportStart = journal.findIndexValues { it.path == '/api/v2/tokens/me' }[1] as int
assert lastWrite < exportStart : 'export and the second register only read'
return true
