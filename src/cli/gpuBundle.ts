/**
 * `npm run gpu:bundle [-- <folder>]` (default `gpu-bundle/`, git-ignored): everything `npm run gpu:check`
 * and `npm run gpu:profile` need on a linux-x64 machine with a GPU but no network and perhaps no Node,
 * in one folder: each bundled into one module, Dawn's linux-x64 module, the wasm binaries, the PyTorch
 * comparison script, this Node binary (xz), the Debian Vulkan/EGL loader packages (unpacked there
 * only when the machine lacks them), and `run.sh`, the one command to run there (`sh run.sh` checks,
 * `sh run.sh profile` profiles). Data: generated CIFAR-format files (or GST_DATA_DIR).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const out = resolve(process.argv[2] ?? 'gpu-bundle');
const loaderPackages = ['libvulkan1', 'libegl1', 'libglvnd0', 'libgles2', 'libgl1', 'libglx0', 'libopengl0'];
const say = (line: string) => process.stdout.write(`${line}\n`);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assembly'), { recursive: true });
await build({
  entryPoints: { 'gpu-check': 'src/cli/gpuCheck.ts', 'gpu-profile': 'src/cli/gpuProfile.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: out,
  outExtension: { '.js': '.mjs' },
  external: ['webgpu', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
  // tfjs' wasm backend is CommonJS that finds its .wasm files beside itself
  banner: {
    js: "import { createRequire as gstRequire } from 'node:module'; import { dirname as gstDirname } from 'node:path'; import { fileURLToPath as gstPath } from 'node:url'; const require = gstRequire(import.meta.url); const __filename = gstPath(import.meta.url); const __dirname = gstDirname(__filename);",
  },
  logLevel: 'warning',
});
for (const f of readdirSync('node_modules/@tensorflow/tfjs-backend-wasm/dist').filter((f) => f.endsWith('.wasm')))
  copyFileSync(join('node_modules/@tensorflow/tfjs-backend-wasm/dist', f), join(out, f));
copyFileSync('src/engine/kernels/wasm/assembly/kernels.wasm', join(out, 'assembly', 'kernels.wasm'));
copyFileSync('tools/gpu/gpu_nets.py', join(out, 'gpu_nets.py'));
const dawn = join(out, 'node_modules', 'webgpu');
mkdirSync(join(dawn, 'dist'), { recursive: true });
for (const f of ['package.json', 'index.js']) copyFileSync(join('node_modules/webgpu', f), join(dawn, f));
cpSync('node_modules/webgpu/dist/linux-x64', join(dawn, 'dist', 'linux-x64'), { recursive: true });
execFileSync('sh', ['-c', `xz -T0 -6 -c "${process.execPath}" > "${join(out, 'node.xz')}"`]);
mkdirSync(join(out, 'debs'));
try {
  execFileSync('apt-get', ['download', ...loaderPackages], { cwd: join(out, 'debs'), stdio: 'ignore' });
} catch {
  say(`could not download ${loaderPackages.join(' ')} (apt-get download): the bundle relies on the machine's own Vulkan/EGL loaders`);
}
writeFileSync(
  join(out, 'run.sh'),
  `#!/bin/sh
# One command on the GPU machine: sh run.sh (the check) or sh run.sh profile (where the time goes;
# writes reports/gpu-profile.json here). GST_WEBGPU_SOFTWARE=1 for a machine without a GPU.
set -e
cd "$(dirname "$0")"
case "\${1:-check}" in
  check) module=gpu-check.mjs ;;
  profile) module=gpu-profile.mjs ;;
  *) echo "usage: sh run.sh [check|profile]" >&2; exit 2 ;;
esac
[ -x node ] || xz -dc node.xz > node && chmod +x node
if ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  echo "Vulkan loader: the machine's own"
elif ls debs/*.deb >/dev/null 2>&1; then
  mkdir -p sysroot && for f in debs/*.deb; do dpkg-deb -x "$f" sysroot 2>/dev/null || (cd sysroot && ar p "../$f" data.tar.xz | tar xJ); done
  export LD_LIBRARY_PATH="$PWD/sysroot/usr/lib/x86_64-linux-gnu:\${LD_LIBRARY_PATH:-}"
  echo "Vulkan loader: bundled (\${LD_LIBRARY_PATH%%:*})"
else
  echo "Vulkan loader: none found (install libvulkan1)"
fi
for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
  if [ -z "\${VK_DRIVER_FILES:-}" ] && [ -f "$icd" ]; then export VK_DRIVER_FILES="$icd"; fi
done
echo "Vulkan driver files: \${VK_DRIVER_FILES:-the loader's default search}"
GST_BACKEND=webgpu exec ./node "$module"
`,
  { mode: 0o755 },
);
const bytes = (path: string): number => (statSync(path).isDirectory() ? readdirSync(path).reduce((n, f) => n + bytes(join(path, f)), 0) : statSync(path).size);
const total = bytes(out);
say(`gpu bundle: ${out} (${(total / 2 ** 20).toFixed(1)} MiB); on the GPU machine: sh ${out.split('/').at(-1)}/run.sh`);
if (total > 60 * 2 ** 20) {
  say('gpu bundle: over 60 MiB');
  process.exitCode = 1;
}
