// Text from the inventory or a rule is escaped in the Maven log: it cannot forge a line such as BUILD SUCCESS.
def log = new File(basedir, 'build.log').text
assert log.contains('X-010 high wiki: fine\\n[INFO] BUILD SUCCESS\\n\\x1b[2J')
assert !log.readLines().any { it.startsWith('[INFO] BUILD SUCCESS') }
assert !log.contains('\u001b[2J')
assert log.contains('BUILD FAILURE')
