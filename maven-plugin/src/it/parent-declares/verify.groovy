// the parent and the module without continuity/ are skipped with one info line each; the other two are checked
def log = new File(basedir, 'build.log').text
assert log.findAll('No continuity/ inventory in this module: nothing to check').size() == 2
assert log.findAll('Continuity check passed: 0 open findings').size() == 2
assert log.contains('BUILD SUCCESS')
