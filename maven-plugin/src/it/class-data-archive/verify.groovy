// The forked check's class-data-sharing archive (issue 15): marked by the first build, made by the second, used by the third
def log = new File(basedir, 'build.log').text
def forks = log.readLines().findAll { it.startsWith('[DEBUG] continuity: forking ') && it.contains('-Dcontinuity.it=class-data-archive') }
assert forks.size() == 3 : "three forked checks, found ${forks.size()}"
assert !forks[0].contains('-XX:SharedArchiveFile=') && !forks[0].contains('-XX:ArchiveClassesAtExit=')
assert forks[1].contains('-XX:ArchiveClassesAtExit=')
def used = (forks[2] =~ /-XX:SharedArchiveFile=(\S+\.jsa)/)
assert used.find()
def archive = new File(used.group(1))
assert archive.isFile() && archive.length() > 0
assert archive.parentFile.canonicalPath == new File(localRepositoryPath, '.cache/continuity').canonicalPath
assert log.count('Continuity check passed: 0 open findings') == 3
// fork=auto forks for the one project of the reactor that checks an inventory (see reactor for more than one)
