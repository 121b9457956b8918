// every module's SARIF: its uris resolve from the top of the source tree, and SARIF Multitool (SARIF
// and GitHub rules) finds no error, when the tool is installed (tools/, .ci/run installs it)
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def multitool = null
for (def p = basedir.toPath().toAbsolutePath(); p != null; p = p.parent) {
    def t = p.resolve('tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool').toFile()
    if (t.canExecute()) { multitool = t; break }
}
if (multitool == null && System.getenv('CI') == 'true') throw new AssertionError('CI=true needs SARIF Multitool (npm ci --prefix tools)')
for (m in ['app', 'platform']) {
    def file = new File(basedir, m + '/target/continuity/continuity-report.sarif')
    def sarif = new groovy.json.JsonSlurper().parse(file)
    assert sarif.runs[0].results.size() > 0
    assert sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri == top.toUri().toString()
    for (r in sarif.runs[0].results) {
        def loc = r.locations[0].physicalLocation.artifactLocation
        assert new File(top.toFile(), java.net.URLDecoder.decode(loc.uri, 'UTF-8')).isFile()
    }
    if (multitool != null) {
        def proc = [multitool.path, 'validate', '--rule-kind', 'Sarif;Ghas', '--level', 'Error;Warning', file.path].execute()
        def out = new StringBuilder()
        proc.consumeProcessOutput(out, out)
        assert proc.waitFor() == 0 : out
        assert !out.toString().contains(': error ') : out
    }
}
