def log = new File(basedir, 'build.log').text

def started = log =~ /Genesys Cloud emulator listening at (http:\/\/127\.0\.0\.1:\d+)/
assert started.find() : 'the first emulator did not start'
def url = started.group(1)
assert (log =~ /Genesys Cloud emulator listening at/).count == 1 : 'a second emulator started'
assert log.contains("already running at ${url}")
assert log.contains('(another-emulator)')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) && !log.contains('Caused by:') : 'an expected failure must not print a stack trace'
return true
