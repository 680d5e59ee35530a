import groovy.json.JsonSlurper

def modules = ['reactor-parent': basedir, 'module-a': new File(basedir, 'module-a'),
               'module-b': new File(basedir, 'module-b'), 'module-c': new File(basedir, 'module-c')]
// the invoker appends the builds to one log: split it at each build's start
def builds = new File(basedir, 'build.log').text.split(/Scanning for projects/).drop(1)
assert builds.size() == 3 : 'expected three builds in build.log'

/** Checks one build: its journal, where its reports are, what its log says; returns the module that ran. */
def checkBuild = { String log, File journalFile, String reportDir ->
  def journal = new JsonSlurper().parse(journalFile).requests
  // one register's worth: one token and one tokens/me per goal, one POST of the one provider, nothing else written
  assert journal.count { it.method == 'POST' && it.path == '/oauth/token' } == 2 : "journal: ${journal}"
  assert journal.count { it.path == '/api/v2/tokens/me' } == 2 : "journal: ${journal}"
  def writes = journal.findAll { it.method in ['POST', 'PUT', 'PATCH', 'DELETE'] && it.path != '/oauth/token' }
  assert writes.size() == 1 && writes[0].method == 'POST' && writes[0].status == 201 : "writes: ${writes}"

  // the reports of both goals in exactly one module, the same one
  def ran = modules.findAll { name, dir -> new File(dir, reportDir + '/register-report.json').exists() }.keySet()
  assert ran.size() == 1 : "register reports in ${ran}"
  def runner = ran.first()
  assert new File(modules[runner], reportDir + '/verify-report.json').exists()
  def register = new JsonSlurper().parse(new File(modules[runner], reportDir + '/register-report.json'))
  def verify = new JsonSlurper().parse(new File(modules[runner], reportDir + '/verify-report.json'))
  assert register.providers*.action == ['CREATED']
  assert verify.providers*.status == ['MATCHES']

  // one register and one verify in the log; the runner says it runs there, the three others name it
  assert (log =~ /CREATED\s+Reactor Gateway/).count == 1
  assert (log =~ /Reactor Gateway\s+MATCHES/).count == 1
  ['register', 'verify'].each { goal ->
    assert (log =~ /${goal} \(execution 'provision'\) runs once for the 4 modules that have it: here, in '${runner}'/).count == 1
    assert (log =~ /${goal} \(execution 'provision'\) runs in .* instead/).count == 3
  }
  return runner
}

// one module after the other: the last of the reactor runs both, and the others name it
assert checkBuild(builds[0], new File(basedir, 'target/genesys-emulator/journal.json'), 'target/genesys-llm') == 'module-c'
assert (builds[0] =~ /register \(execution 'provision'\) runs in 'module-c' instead/).count == 3

// -T 2: whichever module reaches it last runs it, once
assert builds[1].contains('MultiThreadedBuilder')
checkBuild(builds[1], new File(basedir, 'target/parallel/journal.json'), 'target/parallel/genesys-llm')

// genesys.runAt=root: the execution root runs both, first, and the modules name it
assert checkBuild(builds[2], new File(basedir, 'target/root/journal.json'), 'target/root/genesys-llm') == 'reactor-parent'
assert (builds[2] =~ /verify \(execution 'provision'\) runs in 'reactor-parent' instead/).count == 3

assert !new File(basedir, 'build.log').text.contains('it-model-key-7f3a9c')
return true
