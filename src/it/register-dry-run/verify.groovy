import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

assert log =~ /WOULD_CREATE\s+Alpha Gateway/
assert report.dryRun == true
assert report.providers.size() == 1
assert report.providers[0].action == 'WOULD_CREATE'
assert !report.providers[0].containsKey('id')
// the create it would send, field by field, the key masked
assert log =~ /WOULD_CREATE\s+Alpha Gateway: name: \(absent\) -> Alpha Gateway;.*apiKey: \(masked\)/
assert report.providers[0].changes.find { it.field == 'apiKey' }.to == '(masked)'
assert report.providers[0].changes.find { it.field == 'name' }.to == 'Alpha Gateway'
assert !log.contains('it-model-key-7f3a9c')
assert !new File(basedir, 'target/genesys-llm/register-report.json').text.contains('it-model-key-7f3a9c')
// the header a machine reads
assert report.schemaVersion == 1
assert report.goal == 'register'
assert report.target == 'providers'
assert report.pluginVersion ==~ /\d+\.\d+.*/
assert java.time.Instant.parse(report.generatedAt) != null
// only reads: token, tokens/me, the listing
assert journal.every { it.method == 'GET' || it.path == '/oauth/token' } : "a write was sent: ${journal}"
assert journal.count { it.method == 'GET' && it.path.startsWith('/api/v2/ai/llm/providers') } == 1
return true
