#!/bin/sh
# The folder of this tree's release binaries: target/<host>/release, since every build
# names its target (.cargo/config.toml).
echo "${CARGO_TARGET_DIR:-target}/$(rustc -vV | sed -n 's/^host: //p')/release"
