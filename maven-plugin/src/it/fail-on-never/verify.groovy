def log = new File(basedir, 'build.log').text
// below the threshold, findings are warnings and the build passes
assert log.contains('[WARNING] continuity/inventory.yaml:20:1: GEO-001 critical shop:')
assert log.contains('Continuity check passed: ')
assert log.contains('fail on never')
