import groovy.json.JsonSlurper

// build.log holds the last invocation only; the first is checked through its reports
def log = new File(basedir, 'build.log').text
def secrets = ['emulator-secret', 'it-pom-key-5e7a21', 'it-file-key-c08f44']
def texts = [log] + new File(basedir, 'target').listFiles().findAll { it.isDirectory() }
        .collectMany { dir -> dir.listFiles().toList() }.findAll { it.name.endsWith('.json') }*.text
texts.each { text ->
    secrets.each { secret -> assert !text.contains(secret) : "a secret is printed" }
    def leak = text =~ /(?i)authorization:|bearer [A-Za-z0-9_-]{16}|Basic [A-Za-z0-9+\/]{16}|access_token/
    assert !leak.find() : "credentials in the output: ${leak.find() ? leak.group() : ''}"
}
// the second invocation failed at the login, saying where the credentials came from
assert log.contains('environment variables GENESYSCLOUD_OAUTHCLIENT_ID/GENESYSCLOUD_OAUTHCLIENT_SECRET')
assert log =~ /401/
assert log.contains('[DEBUG]') : 'the build ran with -X'
// the first invocation did everything
def register = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/register-report.json'))
assert register.providers*.action == ['UPDATED', 'UPDATED'] // the rotation run
assert register.providers.every { it.changes*.field == ['apiKey'] }
def unregister = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/unregister-report.json'))
assert unregister.providers*.action == ['DELETED', 'DELETED']
return true
