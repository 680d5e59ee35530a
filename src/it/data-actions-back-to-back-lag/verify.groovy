import groovy.json.JsonSlurper

def orgIn = evaluate(new File(basedir, '../../../src/it/org-state.groovy'))
def ACTIONS = ['Acme Gateway - gpt-4o-mini', 'Acme Gateway - llama-3-8b']

['search', 'create', 'delete'].each { lag ->
    def dir = new File(basedir, "target/${lag}")
    def journal = new JsonSlurper().parse(new File(dir, 'journal.json')).requests
    // each goal's first request is its tokens/me
    def starts = journal.findIndexValues { it.path == '/api/v2/tokens/me' }.collect { it as int } + [journal.size()]
    def writes = { goal -> journal.subList(starts[goal], starts[goal + 1]).findAll { it.method != 'GET' && !it.path.startsWith('/oauth/') } }
    def createsOneOfEach = { goal ->
        def w = writes(goal)
        assert w.count { it.method == 'POST' && it.path == '/api/v2/integrations/credentials' } == 1 : "${lag} lag, goal ${goal}: ${w}"
        assert w.count { it.method == 'POST' && it.path == '/api/v2/integrations' } == 1 : "${lag} lag, goal ${goal}: ${w}"
        assert w.count { it.method == 'POST' && it.path == '/api/v2/integrations/actions' } == 2 : "${lag} lag, goal ${goal}: ${w}"
        assert !w.any { it.method == 'DELETE' } : "${lag} lag, goal ${goal}: ${w}"
    }

    // the first run created one of each; the second, right after it, only read
    assert starts.size() == (lag == 'delete' ? 6 : 3) : "${lag} lag: goals at ${starts}"
    createsOneOfEach(0)
    assert writes(1).isEmpty() : "${lag} lag: the second run wrote ${writes(1)}"
    if (lag == 'delete') {
        // unregister deleted the two actions, the integration and the credential; then the same again
        assert writes(2).count { it.method == 'DELETE' && it.status in [200, 204] } == 4 : "unregister: ${writes(2)}"
        createsOneOfEach(3)
        assert writes(4).isEmpty() : "${lag} lag: the run after the re-creation wrote ${writes(4)}"
    }

    // the organization: one of each
    def org = orgIn(new File(dir, 'org.json'))
    assert org.credentials == ['Acme Gateway API key': 1] : "${lag} lag: ${org}"
    assert org.integrations == ['Acme Gateway': 1] : "${lag} lag: ${org}"
    assert org.actions == ACTIONS.collectEntries { [it, 1] } : "${lag} lag: ${org}"
    assert ACTIONS.every { org.integrationOf[it] == org.integrationIds } : "${lag} lag: ${org}"
}

assert !new File(basedir, 'build.log').text.contains('it-model-key-8e4b27')
return true
