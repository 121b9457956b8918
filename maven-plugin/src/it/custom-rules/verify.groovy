def log = new File(basedir, 'build.log').text
// paths in the log are relative to the top of the source tree: the git work tree, else the reactor root (interfaces.md v2)
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def at = top.relativize(basedir.toPath().toAbsolutePath().normalize()).toString().replace('\\', '/')
at = at.isEmpty() ? '' : at + '/'
assert log.contains("[ERROR] ${at}continuity/inventory.yaml:12:1: OWN-001 high wiki: service wiki has no owner")
assert log.contains('Continuity check failed: 1 open finding (0 critical, 1 high, 0 medium, 0 low)')
