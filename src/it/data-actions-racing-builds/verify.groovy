import groovy.json.JsonSlurper

def json = new JsonSlurper()
def journal = json.parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests
def reports = ['module-a', 'module-b'].collect { json.parse(new File(basedir, "${it}/target/genesys-llm/register-report.json")).providers[0] }
def log = new File(basedir, 'build.log').text

// two registers, at the same time: the second began before the last action was created
assert log.contains('MultiThreadedBuilder')
def starts = journal.findIndexValues { it.path == '/api/v2/tokens/me' }.collect { it as int }
assert starts.size() == 2 : "two registers talked to the emulator: ${starts}"
def lastCreate = journal.findLastIndexOf { it.method == 'POST' && it.path == '/api/v2/integrations/actions' }
assert starts[1] < lastCreate : 'the builds did not overlap: the second began after the first had created its actions'

// both succeeded, and at least one made what is left
assert reports*.action.every { it in ['CREATED', 'ADOPTED', 'UNCHANGED', 'UPDATED'] } : reports*.action
assert reports*.action.count('CREATED') >= 1 : reports*.action

// the organization: exactly one of each, however many the race made (twins are deleted)
def org = evaluate(new File(basedir, '../../../src/it/org-state.groovy'))(new File(basedir, 'target/org.json'))
def ACTIONS = ['Acme Gateway - gpt-4o-mini', 'Acme Gateway - llama-3-8b']
assert org.credentials == ['Acme Gateway API key': 1] : org
assert org.integrations == ['Acme Gateway': 1] : org
assert org.actions == ACTIONS.collectEntries { [it, 1] } : org
// the survivor is reported (by both builds, unless one finished before the other's twin of smaller
// id appeared: the limit data-actions.md documents; the build that deleted the twin reports it)
assert org.integrationIds.size() == 1
assert org.integrationIds[0] in reports*.resources*.integrationId : "${org.integrationIds} ${reports*.resources}"
assert ACTIONS.every { org.integrationOf[it] == org.integrationIds } : org
def creates = journal.count { it.method == 'POST' && it.path ==~ '/api/v2/integrations(/credentials|/actions)?' && it.status == 200 }
println "data-actions-racing-builds: ${creates} creates for 4 entities, ${journal.count { it.method == 'DELETE' && it.status in [200, 204] }} twins deleted"

assert !log.contains('it-model-key-47d0e3')
return true
