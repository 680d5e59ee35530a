import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// emulator-start: listening on an ephemeral loopback port, the first configured client published
def started = log =~ /Genesys Cloud emulator listening at (http:\/\/127\.0\.0\.1:\d+) \(OAuth client 'it-deployer'/
assert started.find() : 'emulator-start did not log its URL and client'
def url = started.group(1)
assert log.contains("IT emulator url=${url} clientId=it-deployer secretPublished=yes") : 'properties not published'
assert !log.contains('it-secret-fixture') : 'the client secret must never be logged'

// emulator-stop: the journal of what the build sent
def journalFile = new File(basedir, 'target/genesys-emulator/journal.json')
assert journalFile.isFile() : "no journal at ${journalFile}"
def requests = new JsonSlurper().parse(journalFile).requests
assert requests.size() == 2 : "expected the two calls of the build, got ${requests}"
assert requests[0].method == 'GET' && requests[0].path == '/api/v2/tokens/me' && requests[0].status == 401
assert requests[1].method == 'GET' && requests[1].path == '/not-a-resource?x=1' && requests[1].status == 404
assert requests.every { it.correlationId ==~ /[0-9a-f-]{36}/ }
assert !requests.any { it.method == 'POST' } : 'no POST was sent'
assert !journalFile.text.contains('it-secret-fixture')

assert log =~ /Genesys Cloud emulator at \Q${url}\E stopped: 2 requests \(2xx\/3xx: 0, 4xx: 2, 5xx: 0, dropped: 0\)/
return true
