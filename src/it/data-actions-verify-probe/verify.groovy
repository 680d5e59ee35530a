import groovy.json.JsonSlurper

def server = System.properties.remove('it.data-actions-verify-probe.server')
def seen = System.properties.remove('it.data-actions-verify-probe.seen')
server?.stop(0)
server?.executor?.shutdownNow()

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/verify-report.json'))

// registered without a probe, then each action tested from the platform side: the emulator, not
// the build, called the model, once per action, with the key of its provider's credential
assert seen.size() == 2 : "the model saw ${seen*.path}"
assert seen.every { it.path == '/v1/chat/completions' }
assert seen*.authorization.toSet() == ['Bearer it-model-key-3e7a41', 'Bearer it-wrong-key-9c02f5'].toSet()
assert seen.every { it.body.contains('"stream": false') && it.body.contains('"model": "m1"') }

def served = report.providers.find { it.name == 'Served Gateway' }
def wrong = report.providers.find { it.name == 'Wrong Key Gateway' }
assert served.status == 'MATCHES' && wrong.status == 'MATCHES'
assert served.probe.status == 'OK'
assert served.probe.actions[0].answerLength == 2
assert wrong.probe.status == 'FAILED'
assert wrong.probe.actions[0].step == 'Execute request'
assert log.contains("FAILED: m1 at step 'Execute request'")
assert log.contains('m1 answered 2 characters in ')

// the build fails for the failed probe, and never shows a key
assert log.contains('BUILD FAILURE')
['it-model-key-3e7a41', 'it-wrong-key-9c02f5'].each { key ->
    assert !log.contains(key)
    assert !new File(basedir, 'target/genesys-llm/verify-report.json').text.contains(key)
}
return true
