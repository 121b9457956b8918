def log = new File(basedir, 'build.log').text
assert log.contains('continuity: no inventory at ')
assert log.contains('-Dcontinuity.skip=true')
