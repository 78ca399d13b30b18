import type { Role } from '@palma/shared';
import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { useSessionStore } from '@/features/auth/stores/session.store';
import { decideAccess } from './route-access';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    roles?: readonly Role[];
    /** i18n key of the page title (document.title). */
    title?: string;
    /** The page fills the window alone, without the app's header (the projector screen). */
    bare?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/pages/LoginPage.vue'),
    meta: { public: true, title: 'login.title' },
  },
  { path: '/', name: 'home', component: () => import('@/pages/HomePage.vue'), meta: { title: 'nav.home' } },
  {
    path: '/profile',
    name: 'profile',
    component: () => import('@/pages/ProfilePage.vue'),
    meta: { title: 'nav.profile' },
  },
  {
    path: '/my-department',
    name: 'my-department',
    component: () => import('@/pages/ManagerDepartmentPage.vue'),
    meta: { roles: ['MANAGER'], title: 'nav.myDepartment' },
  },
  {
    path: '/admin/departments',
    name: 'admin-departments',
    component: () => import('@/pages/AdminDepartmentsPage.vue'),
    meta: { roles: ['ADMIN'], title: 'nav.departments' },
  },
  {
    path: '/admin/people',
    name: 'admin-people',
    component: () => import('@/pages/AdminPeoplePage.vue'),
    meta: { roles: ['ADMIN'], title: 'nav.people' },
  },
  {
    path: '/admin/people/new',
    name: 'admin-person-new',
    component: () => import('@/pages/AdminPersonPage.vue'),
    meta: { roles: ['ADMIN'], title: 'person.newTitle' },
  },
  {
    path: '/admin/people/:id',
    name: 'admin-person',
    component: () => import('@/pages/AdminPersonPage.vue'),
    props: true,
    meta: { roles: ['ADMIN'], title: 'person.title' },
  },
  {
    path: '/admin/import',
    name: 'admin-import',
    component: () => import('@/pages/AdminImportPage.vue'),
    meta: { roles: ['ADMIN'], title: 'nav.import' },
  },
  {
    path: '/admin/campaigns',
    name: 'admin-campaigns',
    component: () => import('@/pages/AdminCampaignsPage.vue'),
    meta: { roles: ['ADMIN'], title: 'campaigns.title' },
  },
  {
    path: '/admin/campaigns/new',
    name: 'admin-campaign-new',
    component: () => import('@/pages/AdminCampaignPage.vue'),
    meta: { roles: ['ADMIN'], title: 'campaigns.newTitle' },
  },
  {
    path: '/admin/campaigns/:id',
    name: 'admin-campaign',
    component: () => import('@/pages/AdminCampaignPage.vue'),
    props: true,
    meta: { roles: ['ADMIN'], title: 'campaigns.one' },
  },
  {
    path: '/author/courses',
    name: 'author-courses',
    component: () => import('@/pages/AuthorCoursesPage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'nav.courses' },
  },
  {
    path: '/author/courses/:id',
    name: 'author-course',
    component: () => import('@/pages/AuthorCourseEditorPage.vue'),
    props: true,
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'courses.editor.title' },
  },
  {
    path: '/author/questions',
    name: 'author-questions',
    component: () => import('@/pages/QuestionBankPage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'quizBank.title' },
  },
  {
    path: '/author/questions/import',
    name: 'author-questions-import',
    component: () => import('@/pages/QuestionImportPage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'quizBank.import.title' },
  },
  {
    path: '/author/questions/:id',
    name: 'author-question',
    component: () => import('@/pages/QuestionEditorPage.vue'),
    props: true,
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'quizBank.editor.title' },
  },
  {
    path: '/author/quizzes',
    name: 'author-quizzes',
    component: () => import('@/pages/QuizListPage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'quizBuilder.title' },
  },
  {
    path: '/author/quizzes/:id',
    name: 'author-quiz',
    component: () => import('@/pages/QuizBuilderPage.vue'),
    props: true,
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'quizBuilder.editor.title' },
  },
  {
    path: '/author/quizzes/:id/results',
    name: 'author-quiz-results',
    component: () => import('@/pages/QuizResultsPage.vue'),
    props: true,
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'quizBuilder.results.title' },
  },
  {
    path: '/courses',
    name: 'catalogue',
    component: () => import('@/pages/CourseCataloguePage.vue'),
    meta: { title: 'nav.catalogue' },
  },
  {
    path: '/courses/:id',
    name: 'course',
    component: () => import('@/pages/CoursePage.vue'),
    props: true,
    meta: { title: 'nav.catalogue' },
  },
  {
    path: '/courses/:id/learn/:lessonId',
    name: 'lesson',
    component: () => import('@/pages/LessonPlayerPage.vue'),
    props: true,
    meta: { title: 'nav.catalogue' },
  },
  {
    path: '/certificates',
    name: 'certificates',
    component: () => import('@/pages/MyCertificatesPage.vue'),
    meta: { title: 'nav.certificates' },
  },
  {
    // Public: the link printed on a certificate (QR code) opens here without signing in.
    path: '/verify/:code?',
    name: 'verify',
    component: () => import('@/pages/CertificateVerifyPage.vue'),
    props: true,
    meta: { public: true, title: 'verify.title' },
  },
  {
    path: '/my-department/training',
    name: 'training-status',
    component: () => import('@/pages/TrainingStatusPage.vue'),
    meta: { roles: ['MANAGER', 'ADMIN'], title: 'nav.trainingStatus' },
  },
  {
    path: '/events',
    name: 'events',
    component: () => import('@/pages/EventsPage.vue'),
    meta: { title: 'nav.events' },
  },
  {
    path: '/events/:id',
    name: 'event',
    component: () => import('@/pages/EventPage.vue'),
    props: true,
    meta: { title: 'nav.events' },
  },
  {
    path: '/manage/events',
    name: 'manage-events',
    component: () => import('@/pages/EventsManagePage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'eventAdmin.title' },
  },
  {
    path: '/manage/events/new',
    name: 'manage-event-new',
    component: () => import('@/pages/EventEditorPage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'eventAdmin.newTitle' },
  },
  {
    path: '/manage/events/:id',
    name: 'manage-event',
    component: () => import('@/pages/EventEditorPage.vue'),
    props: true,
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'eventAdmin.editTitle' },
  },
  {
    path: '/check-in',
    name: 'check-in',
    component: () => import('@/pages/CheckInPage.vue'),
    meta: { title: 'checkIn.title' },
  },
  {
    // Public: guests at a concert join by PIN without an account (the QR code links here).
    path: '/play',
    name: 'play',
    component: () => import('@/pages/PlayJoinPage.vue'),
    meta: { public: true, title: 'livePlay.title' },
  },
  {
    path: '/play/:gameId',
    name: 'play-game',
    component: () => import('@/pages/PlayGamePage.vue'),
    props: true,
    meta: { public: true, title: 'livePlay.gameTitle' },
  },
  {
    path: '/live',
    name: 'live-games',
    component: () => import('@/pages/LiveGamesPage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'liveHost.title' },
  },
  {
    path: '/live/new',
    name: 'live-game-new',
    component: () => import('@/pages/LiveGameNewPage.vue'),
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'liveHost.newTitle' },
  },
  {
    path: '/live/:id/host',
    name: 'live-game-host',
    component: () => import('@/pages/LiveHostPage.vue'),
    props: true,
    // On the projector: the stage has its own way back to the games list.
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'liveHost.hostTitle', bare: true },
  },
  {
    path: '/live/:id/remote',
    name: 'live-game-remote',
    component: () => import('@/pages/LiveRemotePage.vue'),
    props: true,
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'liveHost.remoteTitle' },
  },
  {
    path: '/live/:id/report',
    name: 'live-game-report',
    component: () => import('@/pages/LiveReportPage.vue'),
    props: true,
    meta: { roles: ['TRAINER', 'ADMIN'], title: 'liveHost.report.title' },
  },
  {
    path: '/badges',
    name: 'badges',
    component: () => import('@/pages/BadgeGalleryPage.vue'),
    meta: { title: 'gamification.nav.badges' },
  },
  {
    path: '/leaderboards',
    name: 'leaderboards',
    component: () => import('@/pages/LeaderboardsPage.vue'),
    meta: { title: 'gamification.nav.leaderboards' },
  },
  {
    // Public: anyone handed an Open Badges credential can check it here.
    path: '/verify-badge',
    name: 'verify-badge',
    component: () => import('@/pages/BadgeVerifyPage.vue'),
    meta: { public: true, title: 'badgeAdmin.verify.title' },
  },
  {
    path: '/admin/badges',
    name: 'admin-badges',
    component: () => import('@/pages/AdminBadgesPage.vue'),
    meta: { roles: ['ADMIN'], title: 'badgeAdmin.nav' },
  },
  {
    path: '/admin/badges/new',
    name: 'admin-badge-new',
    component: () => import('@/pages/AdminBadgeEditorPage.vue'),
    meta: { roles: ['ADMIN'], title: 'badgeAdmin.editor.newTitle' },
  },
  {
    path: '/admin/badges/:id',
    name: 'admin-badge',
    component: () => import('@/pages/AdminBadgeEditorPage.vue'),
    props: true,
    meta: { roles: ['ADMIN'], title: 'badgeAdmin.editor.title' },
  },
  {
    path: '/admin/gamification',
    name: 'admin-gamification',
    component: () => import('@/pages/AdminGamificationSettingsPage.vue'),
    meta: { roles: ['ADMIN'], title: 'badgeAdmin.settings.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/pages/NotFoundPage.vue'),
    meta: { title: 'notFound.title' },
  },
];

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (!session.loaded) await session.load();
    if (to.name === 'login' && session.me) return { name: 'home' };
    const decision = decideAccess(to.meta, session.me, typeof to.name === 'string' ? to.name : undefined);
    if (decision === 'sign-in') {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    if (decision === 'change-password') return { name: 'profile' };
    // 'forbidden' keeps the address and lets the shell show the "not allowed" view.
    return true;
  });

  return router;
}
