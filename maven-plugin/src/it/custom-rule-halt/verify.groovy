// A custom rule that writes a passing record and halts the (forked) JVM with exit code 0, past every
// shutdown hook, must not pass the build: a passing record must carry the word only the Mojo knows.
def log = new File(basedir, 'build.log').text
assert log.contains("the check's JVM ended with exit code 0 but without the check's verdict")
assert !log.contains('BUILD SUCCESS')
assert log.contains('BUILD FAILURE')
