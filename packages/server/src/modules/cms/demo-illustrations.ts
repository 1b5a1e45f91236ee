import sharp from 'sharp'

/**
 * Illustrations for the demo site: drawn here as simple shapes (no photograph of anyone, no real
 * place), rendered by libvips and uploaded like an editor's JPEG, so the demo shows heroes and
 * cards through the same pipeline as real images.
 */
export type DemoScene = 'dawn' | 'law'

const SCENES: Readonly<Record<DemoScene, { sky: [string, string]; body: string }>> = {
  dawn: {
    sky: ['#f6d6a8', '#8fc3d8'],
    body: `<circle cx="1180" cy="330" r="120" fill="#fbe7b0"/>
      <path d="M0 620 C300 480 520 560 800 500 S1300 430 1600 520 V900 H0Z" fill="#5f8f6e"/>
      <path d="M0 720 C360 620 700 700 1000 650 S1400 610 1600 660 V900 H0Z" fill="#3f6f55"/>
      <rect x="560" y="560" width="220" height="150" fill="#e9e2d2"/>
      <path d="M540 570 L670 470 L800 570Z" fill="#9a5b3d"/>
      <rect x="645" y="625" width="50" height="85" fill="#6b4a35"/>`,
  },
  law: {
    sky: ['#dfe8ef', '#b9cad8'],
    body: `<path d="M500 330 L800 180 L1100 330Z" fill="#7d8ea0"/>
      <rect x="520" y="330" width="560" height="40" fill="#8d9db0"/>
      <g fill="#f4f6f8">
        <rect x="560" y="380" width="60" height="300"/><rect x="700" y="380" width="60" height="300"/>
        <rect x="840" y="380" width="60" height="300"/><rect x="980" y="380" width="60" height="300"/>
      </g>
      <rect x="480" y="680" width="640" height="50" fill="#8d9db0"/>
      <path d="M0 730 H1600 V900 H0Z" fill="#6f8472"/>`,
  },
}

/**
 * A JPEG of a scene, base64 (what the upload route takes): drawn on a 1600 × 900 canvas and
 * written 1120 × 630, wide enough for the text column on a phone's sharp screen, and half the
 * pixels for the upload's decoder to re-encode when the demo runs.
 */
export async function demoIllustration(scene: DemoScene): Promise<string> {
  const { sky, body } = SCENES[scene]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/>
    </linearGradient></defs>
    <rect width="1600" height="900" fill="url(#sky)"/>${body}</svg>`
  const jpeg = await sharp(Buffer.from(svg))
    .resize({ width: 1120 })
    .jpeg({ quality: 85 })
    .toBuffer()
  return jpeg.toString('base64')
}
