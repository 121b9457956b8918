// A custom rule that writes a passing record and halts the (forked) JVM with exit code 0, past every
// shutdown hook, must not pass the build: a passing record must carry the word only the Mojo knows.
def log = new File(basedir, 'build.log').text
assert log.contains("the check's JVM ended with exit code 0 but without the check's verdict")
// nor write a line of the log: a record's text is escaped, line feeds and all
assert log.contains('[INFO] fine\\n[INFO] BUILD SUCCESS')
assert !log.readLines().any { it.startsWith('[INFO] BUILD SUCCESS') }
assert log.contains('BUILD FAILURE')
