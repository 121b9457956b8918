def log = new File(basedir, 'build.log').text
// paths in the log are relative to the top of the source tree: the git work tree, else the reactor root (interfaces.md v2)
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def at = top.relativize(basedir.toPath().toAbsolutePath().normalize()).toString().replace('\\', '/')
at = at.isEmpty() ? '' : at + '/'
// below the threshold, findings are warnings and the build passes
assert log.contains("[WARNING] ${at}continuity/inventory.yaml:20:1: GEO-001 critical shop:")
assert log.contains('Continuity check passed: ')
assert log.contains('fail on never')
