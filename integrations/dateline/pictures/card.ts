// A story's social card from its lead photo: the photo cropped to 1200×630, when the photo was large
// enough to make one (pictures/process.ts makes `card.jpg` only then); otherwise the text card stays.
import type { SocialImage } from '../og/paths.ts';
import { photoPath } from '../urls.ts';
import { leadPhoto, type PhotoRecord } from './record.ts';

export function photoCard(photos: PhotoRecord[] | undefined): SocialImage | undefined {
  const lead = leadPhoto(photos);
  const card = lead?.files.find((f) => f.role === 'card');
  if (!lead || !card) return undefined;
  return { path: photoPath(lead.key, card.name), type: 'image/jpeg', width: card.width, height: card.height };
}
