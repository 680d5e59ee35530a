import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

// every create's answer was dropped after it was applied
def dropped = journal.findAll { it.status == 'dropped' }
assert dropped.size() == 4 : "dropped: ${dropped}"

// what was created and not deleted: one of each
def created = { path -> journal.count { it.method == 'POST' && it.path == path } }
def deleted = { prefix -> journal.count { it.method == 'DELETE' && it.path.startsWith(prefix) && it.status in [200, 204] } }
assert created('/api/v2/integrations') - journal.count { it.method == 'DELETE' && it.path ==~ '/api/v2/integrations/[0-9a-f-]{36}' && it.status == 200 } == 1
assert created('/api/v2/integrations/credentials') - deleted('/api/v2/integrations/credentials/') == 1
assert created('/api/v2/integrations/actions') - deleted('/api/v2/integrations/actions/') == 2

// the organization as the emulator left it: one of each, the actions in the one integration
def org = evaluate(new File(basedir, '../../../src/it/org-state.groovy'))(new File(basedir, 'target/org.json'))
def ACTIONS = ['Acme Gateway - gpt-4o-mini', 'Acme Gateway - llama-3-8b']
assert org.credentials == ['Acme Gateway API key': 1] : org
assert org.integrations == ['Acme Gateway': 1] : org
assert org.actions == ACTIONS.collectEntries { [it, 1] } : org
assert ACTIONS.every { org.integrationOf[it] == org.integrationIds } : org

// the second run found it all and wrote nothing; verify matches
def starts = journal.findIndexValues { it.path == '/api/v2/tokens/me' }.collect { it as int }
assert starts.size() == 3
assert journal.subList(starts[1], starts[2]).every { it.method == 'GET' || it.path.startsWith('/oauth/') }
assert (log =~ /UNCHANGED\s+Acme Gateway/).count == 1
assert (log =~ /Acme Gateway\s+MATCHES/).count == 1
assert !log.contains('it-model-key-61b7c2')
return true
