// A custom rule that calls System.exit(0) must not end the build as a success (interfaces.md v2).
def log = new File(basedir, 'build.log').text
assert log.contains("src/continuity-rules/exit.drl:4:1: rule 'quit early' (X-001) ended the JVM (System.exit)")
assert !log.contains('BUILD SUCCESS')
