import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests

// the source logged is the token, though client credentials were there too
assert log.contains('credentials from environment variable GENESYSCLOUD_ACCESS_TOKEN')
// no client-credentials grant at all: the first and only request is tokens/me with the ready token,
// refused as unknown; nothing was listed or created
assert journal*.path == ['/api/v2/tokens/me'] : "unexpected requests: ${journal}"
assert journal[0].status == 401
assert !journal.any { it.path == '/oauth/token' }
assert log.contains('The access token read from environment variable GENESYSCLOUD_ACCESS_TOKEN is invalid or expired')
assert !log.contains('it-ready-token-never-issued-5b1e')
assert !log.contains('emulator-secret')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:') : 'an expected failure must not print a stack trace'
return true
