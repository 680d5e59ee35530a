import groovy.json.JsonSlurper

def server = System.properties.remove('it.data-actions-probe-before-publish.server')
def seen = System.properties.remove('it.data-actions-probe-before-publish.seen')
server?.stop(0)
server?.executor?.shutdownNow()

def json = new JsonSlurper()
def journal = json.parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests
def starts = journal.findIndexValues { it.path == '/api/v2/tokens/me' }.collect { it as int }
assert starts.size() == 2 : "two registers talked to the emulator: ${starts}"
def writes = { from, to -> journal.subList(from, to).findAll { it.method != 'GET' && !it.path.startsWith('/oauth/') } }
def state = json.parse(new File(basedir, 'target/org.json')).dataActions
def action = { name -> state.actions.find { it.published?.name == name } }
def changed = action('Acme Gateway - gpt-4o-mini')

// the first run published both actions, without calling the model
def first = writes(starts[0], starts[1])
assert first.count { it.method == 'POST' && it.path == '/api/v2/integrations/actions' } == 2 : first

// the second made a draft of the changed action, had the platform test it (the emulator called the
// model, with the changed max_tokens), then discarded the draft: nothing else was written
def second = writes(starts[1], journal.size())
def base = "/api/v2/integrations/actions/${changed.id}/draft"
assert second.collect { "${it.method} ${it.path}" as String } ==
        ["POST ${base}", "PATCH ${base}", "POST ${base}/test", "DELETE ${base}"].collect { it as String } : second
assert seen.size() == 1 && seen[0].path == '/v1/chat/completions' : "the model saw ${seen*.path}"
assert json.parseText(seen[0].body).max_tokens == 16 : 'the test prompt asks for a few tokens'

// the published action as the first run left it: its first version, the old maxTokens, no draft
assert changed.published.version == 1
assert changed.published.config.request.requestTemplate.startsWith('#set($maxTokens = 4096)\n')
assert !changed.containsKey('draft')
assert state.actions.every { it.published.version == 1 && !it.containsKey('draft') }
assert state.actions.size() == 2 && state.integrations.size() == 1 && state.credentials.size() == 1

// the build failed for that provider, naming the step that failed
def report = json.parse(new File(basedir, 'target/genesys-llm/register-report.json')).providers[0]
assert report.action == 'FAILED'
assert report.error.contains("'Execute request'")
assert report.resources.integrationId == state.integrations[0].id
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert !log.contains('it-model-key-b71c05')
return true
