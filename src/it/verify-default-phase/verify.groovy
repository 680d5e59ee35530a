def log = new File(basedir, 'build.log').text

// verify ran twice in deploy: once bound by default (the hint), once with <phase> (no hint)
assert log.readLines().count { it =~ /--- genesys-llm:[^:]+:verify \((llm-providers|verify-again)\)/ } == 2
def hints = log.readLines().findAll { it.contains("runs in the deploy phase, its default") }
assert hints.size() == 1 : hints
assert hints[0].contains("execution 'llm-providers' sets no <phase>")
assert hints[0].contains("'mvn verify' (the phase) does not run it")
// register bound by default gets no such hint: its name is no phase's
assert !log.contains('The goal register runs in')
assert log.contains('BUILD SUCCESS')
return true
