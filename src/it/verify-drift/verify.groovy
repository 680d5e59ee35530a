import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/genesys-llm/verify-report.json'))

// the table names the drifted provider, the field and both values
assert log =~ /Alpha Gateway\s+DRIFTED\s+timeout\s+30000\s+60000/
assert log =~ /Beta Gateway\s+MATCHES/
assert log.contains('verify failed: ')
assert log.contains('genesys.failOnDrift=false')
assert report.providers*.status == ['DRIFTED', 'MATCHES']
def diff = report.providers[0].differences
assert diff.size() == 1 && diff[0].field == 'timeout' && diff[0].expected == '30000' && diff[0].actual == '60000'
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:')
return true
