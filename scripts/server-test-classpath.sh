# Sourced by the loopback scripts (loadtest.sh, faulttest.sh) from the repository root: builds
# dispersal-server and its test classes into target-loadtest, apart from the usual build folders,
# and sets server_classpath to the server's classes, test classes and test dependencies.
# One reactor build: the sibling modules resolve to their build folders, and the last module
# (dispersal-server) writes its test classpath.
target=target-loadtest
classpath="$PWD/dispersal-server/$target/load.classpath"
./mvnw -B -q -Ddispersal.target=$target -pl dispersal-server -am -DskipTests -Dspotless.skip=true \
  test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >&2
server_classpath="dispersal-server/$target/classes:dispersal-server/$target/test-classes:$(cat "$classpath")"
