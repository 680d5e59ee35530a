import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def journal = new JsonSlurper().parse(new File(basedir, 'target/genesys-emulator/journal.json')).requests
def unregisterReport = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/unregister-report.json'))
def verifyReport = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/verify-report.json'))

assert log =~ /DELETED\s+Alpha Gateway \(id [0-9a-f-]{36}\)/
assert log =~ /DELETED\s+Beta Gateway \(id [0-9a-f-]{36}\)/
// exactly two DELETEs, both answered 204; the bystander was never deleted
def deletes = journal.findAll { it.method == 'DELETE' }
assert deletes.size() == 2 && deletes.every { it.status == 204 }
// the summary line once per run
assert log.count('2 deleted, 0 absent') == 1
// the dry run after the deletion finds them absent and sends nothing
assert unregisterReport.dryRun == true
assert unregisterReport.providers*.action == ['ABSENT', 'ABSENT']
// verify: the two deleted are MISSING (warned), the bystander still MATCHES (last report)
assert log =~ /Alpha Gateway\s+MISSING/ && log =~ /Beta Gateway\s+MISSING/
assert verifyReport.providers*.name == ['Bystander Gateway']
assert verifyReport.providers*.status == ['MATCHES']
return true
