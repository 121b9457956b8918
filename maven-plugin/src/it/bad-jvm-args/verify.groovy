// jvmArgs the forked JVM refuses: what it said is logged as errors, and the build fails saying where to look
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Unrecognized VM option 'NoSuchFlag'")
assert log.contains("continuity: the check's JVM ended with exit code 1; what it printed is above")
assert log.contains('BUILD FAILURE')
