import groovy.json.JsonSlurper

def json = new JsonSlurper()
def run = { n -> new File(basedir, "target/run${n}") }
def journal = { n -> json.parse(new File(run(n), 'journal.json')).requests }
def report = { n -> json.parse(new File(run(n), 'genesys-llm/register-report.json')) }
def writes = { entries -> entries.findAll { it.method != 'GET' && !it.path.startsWith('/oauth/') } }
def state = json.parse(new File(basedir, 'target/org.json')).dataActions
def named = { name -> state.actions.findAll { it.published?.name == name } }
def ACTION = 'Acme Gateway - gpt-4o-mini'

// 1. created, then left with an older plugin's contract
def first = report(1).providers[0]
assert first.action == 'CREATED'
String oldId = first.resources.'actions.gpt-4o-mini.id'
assert oldId.startsWith('custom_-_')
assert writes(journal(1)).count { it.method == 'POST' && it.path == '/api/v2/integrations/actions' } == 1

// 2. refused: the build failed, nothing was written (no DELETE, the action untouched), the provider FAILED
assert writes(journal(2)).isEmpty() : "the refused run wrote: ${writes(journal(2))}"
assert journal(2).any { it.method == 'GET' && it.path.startsWith("/api/v2/integrations/actions/${oldId}?") } : 'it read the action'
assert report(2).providers[0].action == 'FAILED'
// the refusal as data: its kind of fix, the action's field, the parameter that allows it
assert report(2).providers[0].problem == [hint: 'ALLOW_RECREATE', field: 'actions[gpt-4o-mini]', settings: ['allowRecreate']]
def builds = new File(basedir, 'build.log').text.split(/Scanning for projects/).drop(1)
assert builds.size() == 3
assert builds[1].contains('BUILD FAILURE') && builds[1].contains(oldId) : 'the failure names the action'
assert builds[1].contains('-Dgenesys.allowRecreate=true') : 'the fix in Maven\'s words'
assert report(2).providers[0].error.contains('-Dgenesys.allowRecreate=true') : 'the report too'

// 3. allowRecreate: that action deleted, one created, nothing else written
def recreate = writes(journal(3))
assert recreate*.method == ['DELETE', 'POST'] : "writes: ${recreate}"
assert recreate[0].path == "/api/v2/integrations/actions/${oldId}"
assert recreate[1].path == '/api/v2/integrations/actions'
def third = report(3).providers[0]
assert third.action == 'UPDATED'
String newId = third.resources.'actions.gpt-4o-mini.id'
assert newId != oldId

// the organization now: exactly one action of that name, the new one, with the current contract
assert named(ACTION)*.id == [newId]
assert named(ACTION)[0].published.contract.input.inputSchema.description.contains('(contract 1 of genesys-llm-maven-plugin)')
assert state.actions.size() == 1 && state.integrations.size() == 1 && state.credentials.size() == 1
assert named(ACTION)[0].integrationId == state.integrations[0].id

assert !new File(basedir, 'build.log').text.contains('it-model-key-2c8f1a')
return true
