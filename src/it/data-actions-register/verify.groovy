import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests
def writes = { from, to -> journal.subList(from, to).findAll { it.method != 'GET' && !it.path.startsWith('/oauth/') } }

// the runs, in order: each goal's first request is its tokens/me
def starts = journal.findIndexValues { it.path == '/api/v2/tokens/me' }.collect { it as int }
assert starts.size() == 6 : "six goals talked to the emulator: ${starts}"
def first = writes(starts[0], starts[1])
def second = writes(starts[1], starts[2])
def third = writes(starts[2], starts[3])
def rotation = writes(starts[3], starts[4])
def verifying = writes(starts[4], starts[5])

// first run: credential, integration, its configuration, enabling, two actions
assert first.count { it.method == 'POST' && it.path == '/api/v2/integrations/credentials' } == 1
assert first.count { it.method == 'POST' && it.path == '/api/v2/integrations' } == 1
assert first.count { it.method == 'PUT' && it.path ==~ '/api/v2/integrations/[^/]+/config/current' } == 1
assert first.count { it.method == 'PATCH' && it.path ==~ '/api/v2/integrations/[^/]+' } == 1
assert first.count { it.method == 'POST' && it.path == '/api/v2/integrations/actions' } == 2
assert (log =~ /CREATED\s+Acme Gateway \(id [0-9a-f-]{36}\)/).count == 1

// second run only reads
assert second.isEmpty() : "the second run wrote: ${second}"
assert (log =~ /UNCHANGED\s+Acme Gateway/).count >= 1

// a changed model: one PATCH of its action, with the change named
assert third.size() == 1 && third[0].method == 'PATCH' && third[0].path.startsWith('/api/v2/integrations/actions/custom_-_')
assert log.contains('actions[gpt-4o-mini].requestTemplate')

// a key rotation: one PUT of the credential, no action touched
assert rotation.size() == 1 && rotation[0].method == 'PUT' && rotation[0].path.startsWith('/api/v2/integrations/credentials/')
assert log.contains('apiKey: (rotated)')

// verify reads only, and matches
assert verifying.isEmpty()
assert (log =~ /Acme Gateway\s+MATCHES/).count == 1

// the ids published as properties and in the report
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
def resources = report.providers[0].resources
assert resources.integrationId ==~ /[0-9a-f-]{36}/
assert resources.credentialId ==~ /[0-9a-f-]{36}/
assert resources.'actions.gpt-4o-mini.id'.startsWith('custom_-_')
assert resources.'actions.llama-3-8b.id'.startsWith('custom_-_')

// unregister: the actions, the integration, then the credential
def removal = writes(starts[5], journal.size()).findAll { it.method == 'DELETE' }*.path
assert removal.size() == 4 : "deletes: ${removal}"
assert removal[0].startsWith('/api/v2/integrations/actions/') && removal[1].startsWith('/api/v2/integrations/actions/')
assert removal[2] == "/api/v2/integrations/${resources.integrationId}"
assert removal[3] == "/api/v2/integrations/credentials/${resources.credentialId}"
assert rotation[0].path == "/api/v2/integrations/credentials/${resources.credentialId}"

// never the key
assert !log.contains('it-model-key-5d2e8b')
new File(basedir, 'target').eachFileRecurse { f ->
  if (f.isFile() && f.name.endsWith('.json')) assert !f.text.contains('it-model-key-5d2e8b') : f
}
return true
