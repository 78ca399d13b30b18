import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Certificate } from './certificate.entity.js';

const FONT = fileURLToPath(new URL('../../../assets/fonts/NanumGothic.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/NanumGothicBold.ttf', import.meta.url));

function koreanDate(date: Date): string {
  return new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
}

function englishDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours}시간` : '', rest ? `${rest}분` : ''].filter(Boolean).join(' ') || '0분';
}

/**
 * Renders a certificate of completion (이수증) as an A4 PDF in Korean with English, embedding a
 * subset of NanumGothic so Hangul renders anywhere, with a QR code of the verification page.
 */
export async function renderCertificatePdf(certificate: Certificate, verifyUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `이수증 — ${certificate.titleKo}`,
      Author: certificate.issuerName,
      Subject: 'Certificate of completion',
    },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  doc
    .lineWidth(3)
    .strokeColor('#1c4a7a')
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(36, 36, width - 72, height - 72)
    .stroke();

  doc
    .font('body')
    .fontSize(11)
    .fillColor('#555')
    .text(`제 ${certificate.code} 호`, 56, 64, { align: 'left' });
  doc.moveDown(2.5);
  doc
    .font('bold')
    .fontSize(40)
    .fillColor('#1c4a7a')
    .text('이 수 증', { align: 'center', characterSpacing: 8 });
  doc.font('body').fontSize(14).fillColor('#333').text('Certificate of Completion', { align: 'center' });
  doc.moveDown(2.5);

  const rows: [string, string][] = [
    ['성명 Name', certificate.personName],
    ['소속 Department', certificate.departmentName],
    ['직급 Rank', certificate.rank ?? '—'],
    ['교육과정 Training', certificate.titleKo],
    ['', certificate.titleEn],
    ['교육시간 Credit', `${duration(certificate.minutes)} (${certificate.minutes} min)`],
    ['이수일 Completed', `${koreanDate(certificate.completedAt)} (${englishDate(certificate.completedAt)})`],
  ];
  const labelX = 90;
  const valueX = 230;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(12)
      .fillColor('#1c4a7a')
      .text(label, labelX, y, { width: valueX - labelX - 10 });
    doc
      .font('body')
      .fontSize(13)
      .fillColor('#111')
      .text(value, valueX, y, { width: width - valueX - 90 });
    doc.moveDown(0.8);
  }

  doc.moveDown(2);
  doc
    .font('body')
    .fontSize(15)
    .fillColor('#111')
    .text('위 사람은 위의 교육과정을 이수하였음을 증명합니다.', 56, doc.y, {
      align: 'center',
      width: width - 112,
    });
  doc
    .fontSize(11)
    .fillColor('#444')
    .text('This is to certify that the person named above has completed the training.', {
      align: 'center',
      width: width - 112,
    });
  doc.moveDown(2);
  doc
    .font('body')
    .fontSize(13)
    .fillColor('#111')
    .text(koreanDate(certificate.issuedAt), { align: 'center', width: width - 112 });
  doc.moveDown(1);
  doc
    .font('bold')
    .fontSize(22)
    .fillColor('#111')
    .text(certificate.issuerName, { align: 'center', width: width - 112 });

  const qrSize = 92;
  const qrY = height - 56 - qrSize - 28;
  doc.image(qr, 64, qrY, { width: qrSize, height: qrSize });
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#555')
    .text(`확인번호 Verification code: ${certificate.code}`, 64 + qrSize + 14, qrY + 26, {
      width: width - 260,
    })
    .text(`진위 확인 Verify: ${verifyUrl}`, { width: width - 260 });
  doc.end();
  return done;
}
