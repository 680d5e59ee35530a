import groovy.json.JsonSlurper

def server = System.properties.remove('it.data-actions-engine.server')
def seen = System.properties.remove('it.data-actions-engine.seen')
server.stop(0)
server.executor.shutdownNow()

def json = new JsonSlurper()
def results = new File(basedir, 'target/results')
def read = { name -> json.parse(new File(results, "${name}.json"), 'UTF-8') }
def prompt = read('input').prompt
assert prompt.contains('"') && prompt.contains('\\') && prompt.contains('\n') : 'the prompt must test escaping'

// what the model endpoint received: the credential's key as a bearer token, the prompt intact
def chat = seen.findAll { it.path == '/v1/chat/completions' }
assert seen.every { it.query == 'api-key=' + (it.authorization - 'Bearer ') } : 'the key goes in the URL too'
assert seen.any { it.query == 'api-key=it-model-key-5d2e' }
assert chat.size() == 3 : "expected /test, /execute and the wrong-key /test, got ${seen*.path}"
assert chat[0].authorization == 'Bearer it-model-key-5d2e'
assert chat[0].contentType == 'application/json'
def sent = json.parseText(chat[0].body)
assert sent.model == 'gpt-4o-mini' && sent.max_tokens == 16
assert sent.messages[0].content == prompt
assert chat[2].authorization == 'Bearer it-wrong-key-90af'
assert seen.count { it.path == '/slow/v1/chat/completions' } == 1

def names = ['Validate input against schema', 'Resolve request URL template', 'Resolve request body template',
             'Resolve request headers', 'Execute request', 'Resolve translation map',
             'Execute success template', 'Validate output against schema']

// /test: every step, the translated answer, the key masked
def ok = read('test-ok')
assert ok.success == true
assert ok.operations*.name == names && ok.operations.every { it.success }
assert ok.finalResult == [answer: 'You said: ' + prompt]
assert ok.operations[3].result.Authorization == '*****'
assert ok.operations[1].result.endsWith('/v1/chat/completions?api-key=*****')
assert ok.operations[2].result.messages[0].content == prompt
assert read('execute-ok') == [answer: 'You said: ' + prompt]

// a wrong key: the remote's 401 fails the request step
def wrong = read('test-wrong-key')
assert wrong.success == false && !wrong.containsKey('finalResult')
assert wrong.operations*.name == names.take(5)
assert wrong.operations[4].success == false
assert wrong.operations[4].error.status == 401 && wrong.operations[4].error.code == 'bad.request'
assert wrong.error.message.contains('Incorrect API key provided')

// a slow endpoint: timeoutSeconds (1) ends the request step
def slow = read('test-slow')
assert slow.success == false
assert slow.operations[-1].name == 'Execute request'
assert slow.error.code == 'request.timeout' && slow.error.status == 504

// no key in the build log, the journal or any answer
def texts = [new File(basedir, 'build.log').text, new File(basedir, 'target/genesys-emulator/journal.json').text] +
        results.listFiles().collect { it.getText('UTF-8') }
assert texts.every { !it.contains('it-model-key-5d2e') && !it.contains('it-wrong-key-90af') }
return true
