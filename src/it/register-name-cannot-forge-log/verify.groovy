def log = new File(basedir, 'build.log').text

// the build failed, and nothing a name or the server said reads as Maven's success
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\[INFO\] BUILD SUCCESS/) : 'a name forged a BUILD SUCCESS line'
assert !(log =~ /(?m)^\[INFO\] Total time:  1\.000 s/) : 'a name forged a Total time line'
// the names and the server's message are there, escaped
assert log =~ /CREATED\s+Evil Gateway\\n\[INFO\] BUILD SUCCESS\\n\[INFO\] Total time:  1\.000 s/
assert log.contains('Refused Gateway\\n[INFO] BUILD SUCCESS')
assert log.contains('refused\\n[INFO] BUILD SUCCESS')
return true
