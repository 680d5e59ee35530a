def log = new File(basedir, 'build.log').text
def summary = new File(basedir, 'step-summary.md').text
def commands = log.readLines().findAll { it.startsWith('::') }

// first build: a section per goal, with its table and totals
assert summary.contains('### genesys-llm:register (register) \\@ ci-github-actions')
assert summary.contains('| Alpha Gateway | CREATED | id ')
assert summary.contains('| Beta Gateway | CREATED | id ')
assert summary.contains('**Totals:** 2 created, 0 updated, 0 unchanged')
assert summary.contains('### genesys-llm:verify (verify-drifted) \\@ ci-github-actions')
assert summary.contains('| Beta Gateway | **DRIFTED** | timeout: expected 60000, actual 30000 |')
assert summary.contains('**Totals:** 1 matching, 1 drifted, 0 missing')
// the drifted provider is a warning at its line of drifted.yaml (it starts on line 9)
assert commands.contains(
        "::warning file=drifted.yaml,line=9,title=genesys-llm%3Averify (verify-drifted) @ ci-github-actions::" +
        "Provider 'Beta Gateway' DRIFTED: timeout: expected 60000, actual 30000")

// second build: each mistake of broken.yaml is an error at its line, summed up in the summary too
assert commands.any { it.startsWith('::error file=broken.yaml,line=5,title=genesys-llm%3Aregister (register) @ ci-github-actions::') && it.contains("'timout'") }
assert commands.any { it.startsWith('::error file=broken.yaml,line=9,') && it.contains('maxTokens') }
assert summary.contains('### genesys-llm:register (register) \\@ ci-github-actions\n\n2 problems in the provider configuration')

// nothing else was annotated, and no secret reached the summary or a command
assert commands.size() == 3 : commands
assert !summary.contains('it-model-key-7f3a9c') && !commands.any { it.contains('it-model-key-7f3a9c') }
assert !summary.contains('emulator-secret')
return true
